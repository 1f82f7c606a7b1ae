package io.wcsettle.his.card;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.wcsettle.core.region.Admdvs;

/**
 * One reader vendor {@code iReadCardBas} result, parsed by its form and validated item by item
 * ({@link VendorCardString#read}). The card items every form carries are always present and valid;
 * the personal items (社会保障号码, 卡号, 姓名) may be empty (a short read), and {@link #missing()}
 * says which. {@link #card()} is the complete card when none of them is missing.
 *
 * <p>{@link #toString()} shows no personal data.
 */
public final class VendorCardRead {

    private final VendorForm form;
    private final String identificationCode;
    private final Admdvs issuingAdmdvs;
    private final String atrHistoricalBytes;
    private final String specVersion;
    private final LocalDate issueDate;
    private final LocalDate expiryDate;
    private final String socialSecurityNumber;
    private final String cardNumber;
    private final String name;
    private final String terminalNumber;
    private final String terminalDeviceNumber;
    private final String registrationPermitNumber;
    private final List<String> extended;
    private final List<String> missing;
    private final SocialSecurityCard card;

    VendorCardRead(VendorForm form, String identificationCode, Admdvs issuingAdmdvs, String atrHistoricalBytes,
            String specVersion, LocalDate issueDate, LocalDate expiryDate, String socialSecurityNumber,
            String cardNumber, String name, String terminalNumber, String terminalDeviceNumber,
            String registrationPermitNumber, List<String> extended, List<String> missing, SocialSecurityCard card) {
        this.form = form;
        this.identificationCode = identificationCode;
        this.issuingAdmdvs = issuingAdmdvs;
        this.atrHistoricalBytes = atrHistoricalBytes;
        this.specVersion = specVersion;
        this.issueDate = issueDate;
        this.expiryDate = expiryDate;
        this.socialSecurityNumber = socialSecurityNumber;
        this.cardNumber = cardNumber;
        this.name = name;
        this.terminalNumber = terminalNumber;
        this.terminalDeviceNumber = terminalDeviceNumber;
        this.registrationPermitNumber = registrationPermitNumber;
        this.extended = List.copyOf(extended);
        this.missing = List.copyOf(missing);
        this.card = card;
    }

    /** The form the output had. */
    public VendorForm form() {
        return form;
    }

    /** The complete card, when no personal item is missing. */
    public Optional<SocialSecurityCard> card() {
        return Optional.ofNullable(card);
    }

    /**
     * The items the output left empty or does not have, by field name, in output order:
     * {@code socialSecurityNumber}, {@code cardNumber}, {@code name}, {@code terminalNumber},
     * {@code terminalDeviceNumber}. Empty for a complete read with terminal items.
     */
    public List<String> missing() {
        return missing;
    }

    /** 卡识别码, 32 upper-case hex characters. */
    public String identificationCode() {
        return identificationCode;
    }

    /** 发卡地区行政区划代码 (= the first six characters of the identification code). */
    public Admdvs issuingAdmdvs() {
        return issuingAdmdvs;
    }

    /** 卡复位信息: the ATR's historical bytes, upper-case hex. */
    public String atrHistoricalBytes() {
        return atrHistoricalBytes;
    }

    /** 规范版本, {@code 1.00}, {@code 2.00} or {@code 3.00}. */
    public String specVersion() {
        return specVersion;
    }

    /** 发卡日期. */
    public LocalDate issueDate() {
        return issueDate;
    }

    /** 卡有效期. */
    public LocalDate expiryDate() {
        return expiryDate;
    }

    /** 社会保障号码 (18 characters, a 15-digit one converted), unless missing. Personal data. */
    public Optional<String> socialSecurityNumber() {
        return Optional.ofNullable(socialSecurityNumber);
    }

    /** 卡号, unless missing. Personal data. */
    public Optional<String> cardNumber() {
        return Optional.ofNullable(cardNumber);
    }

    /** 姓名, unless missing. Personal data. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** 终端机编号, unless empty or absent (short form). */
    public Optional<String> terminalNumber() {
        return Optional.ofNullable(terminalNumber);
    }

    /** 终端设备号, unless empty or absent (short form). */
    public Optional<String> terminalDeviceNumber() {
        return Optional.ofNullable(terminalDeviceNumber);
    }

    /** 持卡就诊登记许可号 of the status-prefixed form, unless empty. */
    public Optional<String> registrationPermitNumber() {
        return Optional.ofNullable(registrationPermitNumber);
    }

    /**
     * The four items of the extended form as given: PSAM卡芯片号, 医疗证号, 加密因子, 版本号; empty
     * for the other forms. 医疗证号 and 加密因子 may be secrets: never log them.
     */
    public List<String> extendedItems() {
        return extended;
    }

    @Override
    public String toString() {
        return "VendorCardRead[form=" + form + ", issuingAdmdvs=" + issuingAdmdvs + ", missing=" + missing + "]";
    }
}
