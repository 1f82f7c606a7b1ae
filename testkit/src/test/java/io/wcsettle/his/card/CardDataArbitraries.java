package io.wcsettle.his.card;

import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

import io.wcsettle.testkit.card.SampleIds;

/** Generated cards shaped like the field's: every province, 本级 issuers, 15-digit IDs, long minority names. */
final class CardDataArbitraries {

    static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82");

    private static final String NAME_CHARS = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
            + "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            + "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲菊兰凤洁梅琳素云莲真环雪荣爱妹香月莺媛艳瑞凡佳嘉琼勤珍贞莉";

    private CardDataArbitraries() {
    }

    static Arbitrary<String> admdvs() {
        Arbitrary<String> tail = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofLength(4),
                Arbitraries.strings().numeric().ofLength(2).map(s -> s + "99"),
                Arbitraries.just("9900"));
        return Combinators.combine(Arbitraries.of(PROVINCES), tail).as(String::concat);
    }

    static Arbitrary<String> hex(int chars) {
        return Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(chars);
    }

    static Arbitrary<LocalDate> dates(LocalDate from, LocalDate to) {
        return Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    static Arbitrary<String> names() {
        Arbitrary<String> han = Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> minority = Combinators.combine(
                Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(2).ofMaxLength(7),
                Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(2).ofMaxLength(7))
                .as((a, b) -> a + "·" + b);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, han), net.jqwik.api.Tuple.of(2, minority));
    }

    static Arbitrary<CardFixtures.CardData> cards() {
        return Builders.withBuilder(() -> new Object[15])
                .use(admdvs().flatMap(a -> hex(16).map(h -> a + "D156000005" + h))).in((o, v) -> {
                    o[0] = v;
                    return o;
                })
                .use(Arbitraries.of("1", "2", "3", "5", "A")).in((o, v) -> set(o, 1, v))
                .use(Arbitraries.of("1.00", "2.00", "3.00")).in((o, v) -> set(o, 2, v))
                .use(hex(24)).in((o, v) -> set(o, 3, v))
                .use(dates(LocalDate.of(2005, 1, 1), LocalDate.of(2025, 6, 1))).in((o, v) -> set(o, 4, v))
                .use(dates(LocalDate.of(2025, 6, 1), LocalDate.of(2045, 12, 31))).in((o, v) -> set(o, 5, v))
                .use(Arbitraries.strings().withChars("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ").ofLength(9))
                .in((o, v) -> set(o, 6, v))
                .use(person()).in((o, v) -> set(o, 7, v))
                .use(names()).in((o, v) -> set(o, 8, v))
                .use(Arbitraries.of('0', '1', '2', '9')).in((o, v) -> set(o, 9, v))
                .use(Arbitraries.oneOf(Arbitraries.integers().between(1, 56), Arbitraries.of(97, 98)))
                .in((o, v) -> set(o, 10, v))
                .use(Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of(PROVINCES),
                        Arbitraries.of(PROVINCES).map(p -> p + "03"), admdvs())).in((o, v) -> set(o, 11, v))
                .use(hex(26)).in((o, v) -> set(o, 12, v))
                .build(o -> {
                    String[] person = (String[]) o[7];
                    return new CardFixtures.CardData((String) o[0], (String) o[1], (String) o[2], (String) o[3],
                            (LocalDate) o[4], (LocalDate) o[5], (String) o[6], person[0], person[1], (String) o[8],
                            (Character) o[9], (Integer) o[10], (String) o[11], LocalDate.parse(person[2]),
                            (String) o[12]);
                });
    }

    /** {on card, 18-character form, birth date}: mostly 18-digit numbers, some 15-digit ones. */
    static Arbitrary<String[]> person() {
        Arbitrary<String> area = Combinators.combine(Arbitraries.of(PROVINCES), Arbitraries.strings().numeric()
                .ofLength(4)).as(String::concat);
        Arbitrary<LocalDate> birth = dates(LocalDate.of(1920, 1, 1), LocalDate.of(2010, 12, 31));
        Arbitrary<Integer> seq = Arbitraries.integers().between(0, 999);
        Arbitrary<Boolean> old = Arbitraries.of(false, false, false, true);
        return Combinators.combine(area, birth, seq, old).as((a, b, s, fifteen) -> {
            String id18 = SampleIds.id18(a, b, s);
            if (fifteen && b.getYear() < 2000) {
                return new String[] {SampleIds.id15(a, b, s), id18, b.toString()};
            }
            return new String[] {id18, id18, b.toString()};
        });
    }

    private static Object[] set(Object[] o, int i, Object v) {
        o[i] = v;
        return o;
    }
}
