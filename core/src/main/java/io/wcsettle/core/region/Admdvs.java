package io.wcsettle.core.region;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;

/**
 * A 6-digit administrative division code (GB/T 2260) as social insurance uses it: {@code PP0000}
 * province, {@code PPCC00} city, {@code PPCCXX} county or district, and the "本级" codes
 * {@code PP9900} (province level) and {@code PPCC99} (city level), which belong to their
 * province or city.
 *
 * <p>Valid means six ASCII digits whose first two are a province code of GB/T 2260.
 *
 * @param code the six digits
 */
public record Admdvs(String code) implements Comparable<Admdvs> {

    /** Province codes of GB/T 2260 (mainland, Taiwan, Hong Kong, Macao). */
    private static final boolean[] PROVINCES = new boolean[100];

    /** Chinese names of the provinces, by province number. */
    private static final String[] PROVINCE_NAMES = new String[100];

    /** The four municipalities directly under the central government (R-FIL-6). */
    private static final boolean[] MUNICIPALITIES = new boolean[100];

    static {
        int[] provinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
        for (int p : provinces) {
            PROVINCES[p] = true;
        }
        String[] names = {"北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
            "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省",
            "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
            "宁夏回族自治区", "新疆维吾尔自治区", "台湾省", "香港特别行政区", "澳门特别行政区"};
        for (int i = 0; i < provinces.length; i++) {
            PROVINCE_NAMES[provinces[i]] = names[i];
        }
        for (int m : new int[] {11, 12, 31, 50}) {
            MUNICIPALITIES[m] = true;
        }
    }

    /**
     * Validates the code; prefer {@link #parse(String, String)} for input, which names the field.
     *
     * @throws InvalidInputException {@code INVALID_ADMDVS} naming {@code admdvs}, {@code null} included
     */
    public Admdvs {
        if (!isValid(code)) {
            throw new InvalidInputException(CoreErrorCode.INVALID_ADMDVS, "admdvs",
                    "not a 6-digit division code of a known province");
        }
    }

    /**
     * Parses input, naming {@code field} in the error.
     *
     * @throws InvalidInputException {@code INVALID_ADMDVS}
     */
    public static Admdvs parse(String field, String text) {
        if (text == null || !isValid(text)) {
            throw new InvalidInputException(CoreErrorCode.INVALID_ADMDVS, field,
                    "not a 6-digit division code of a known province");
        }
        return new Admdvs(text);
    }

    /** Whether {@code text} is six digits starting with a known province code. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return PROVINCES[(text.charAt(0) - '0') * 10 + (text.charAt(1) - '0')];
    }

    /** The two-digit province number, e.g. 43. */
    public int provinceNumber() {
        return (code.charAt(0) - '0') * 10 + (code.charAt(1) - '0');
    }

    /** The Chinese name of the province this code belongs to (GB/T 2260), e.g. {@code 湖南省}. */
    public String provinceName() {
        return PROVINCE_NAMES[provinceNumber()];
    }

    /** The province this code belongs to, {@code PP0000}. */
    public Admdvs province() {
        return isProvince() ? this : new Admdvs(code.substring(0, 2) + "0000");
    }

    /**
     * The city this code belongs to, {@code PPCC00}. For a province code, or a province-level
     * "本级" code {@code PP9900}, it is the code itself.
     */
    public Admdvs city() {
        if (isProvince() || code.startsWith("9900", 2) || isCity()) {
            return this;
        }
        return new Admdvs(code.substring(0, 4) + "00");
    }

    /** {@code PP0000}. */
    public boolean isProvince() {
        return code.endsWith("0000");
    }

    /** {@code PPCC00} with {@code CC ≠ 00}. */
    public boolean isCity() {
        return code.endsWith("00") && !isProvince();
    }

    /** Whether this is the province code of a municipality: 110000, 120000, 310000, 500000. */
    public boolean isMunicipality() {
        return isProvince() && MUNICIPALITIES[provinceNumber()];
    }

    /** Whether both codes are in the same province. */
    public boolean sameProvince(Admdvs other) {
        return code.regionMatches(0, other.code, 0, 2);
    }

    /**
     * R-FIL-6: whether an institution at {@code institution} is inside this filing target.
     * A municipality target covers its whole province; a city target {@code PPCC00} covers
     * every code sharing its first four digits; any other target (e.g. a county-level city
     * governed by the province, {@code 429004}) covers only itself.
     */
    public boolean covers(Admdvs institution) {
        if (isMunicipality()) {
            return sameProvince(institution);
        }
        if (isCity()) {
            return code.regionMatches(0, institution.code, 0, 4);
        }
        return code.equals(institution.code);
    }

    @Override
    public int compareTo(Admdvs other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
