package io.wcsettle.core.settlement;

import static io.wcsettle.core.settlement.Fixtures.ENGINE;
import static io.wcsettle.core.settlement.Fixtures.HOSPITAL;
import static io.wcsettle.core.settlement.Fixtures.STAY;
import static io.wcsettle.core.settlement.Fixtures.bill;
import static io.wcsettle.core.settlement.Fixtures.fen;
import static io.wcsettle.core.settlement.Fixtures.line;
import static io.wcsettle.core.settlement.Fixtures.returnLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.rule.Citation;
import io.wcsettle.core.rule.Sources;

class WorkerStatementTest {

    private static final StatementHeader HEADER = StatementHeader.of("S-20251112-0001", "长沙市第一医院", "张三丰");

    private static Bill mixed() {
        BillLine bed = line("1", "BED01", LineCategory.SERVICE, "80.00", "9");
        return bill(bed, line("2", "X001", LineCategory.DRUG, "10.00", "1"),
                line("3", "NOPE", LineCategory.DRUG, "45.50", "2"),
                line("4", "MEAL01", LineCategory.MEAL, "50.00", "9"), returnLine("5", bed, "-2"));
    }

    /** The worker-facing text with every code and id taken out, which must then hold no Latin letter. */
    private static String withoutCodes(WorkerStatement s, String text) {
        String t = text.replace(s.header().settlementId().orElse("\u0000"), "");
        t = t.replace(HOSPITAL.code(), "");
        for (StatementLine l : s.lines()) {
            t = t.replace(l.code(), "");
        }
        return t;
    }

    @Test
    @DisplayName("R-SET-10: each line says what was paid, what was deducted and why; the totals add up")
    void explainsEveryLine() {
        Bill b = mixed();
        WorkerStatement s = WorkerStatement.of(b, ENGINE.settle(b), HEADER);
        assertEquals(5, s.lines().size());
        StatementLine over = s.lines().get(0);
        assertEquals(fen(56000), over.amount());
        assertEquals(Optional.of(LineReason.OVER_STANDARD), over.reason());
        assertEquals("R-SET-7", over.reason().get().rule(), "the rule id stays in the structured form");
        assertTrue(over.text().contains("工伤保险基金支付 420.00 元") && over.text().contains("不予支付 140.00 元")
                && over.text().contains("超出就医地支付标准"), over.text());
        assertTrue(s.lines().get(2).text().contains("不在工伤保险目录范围内"), s.lines().get(2).text());
        assertTrue(s.lines().get(3).text().contains("住院伙食补助费") && s.lines().get(3).text().contains("无需另行申请"),
                s.lines().get(3).text());
        assertTrue(s.lines().get(4).text().contains("退费 160.00 元"), s.lines().get(4).text());
        assertEquals(s.result().total().minus(s.result().fundPaid()), s.workerPays());
        String text = s.toChineseText();
        assertTrue(text.contains("费用合计：1111.00 元"), text);
        assertTrue(text.contains("工伤保险基金支付：430.00 元"), text);
        assertTrue(text.contains("不纳入直接结算：450.00 元"), text);
        assertTrue(text.contains("个人本次支付：" + s.workerPays().toYuanString() + " 元"), text);
        assertTrue(text.contains("结算方式：跨省异地就医直接结算"), text);
    }

    @Test
    @DisplayName("R-SET-10: the document names institution, masked worker, settlement id and dates, without rule ids or English")
    void readsAsADocument() {
        Bill b = mixed();
        WorkerStatement s = WorkerStatement.of(b, ENGINE.settle(b), HEADER);
        String text = s.toChineseText();
        assertTrue(text.startsWith("工伤保险异地就医费用结算单"), text);
        assertTrue(text.contains("就医机构：长沙市第一医院（机构编码 H43010200001）"), text);
        assertTrue(text.contains("职工姓名：张*丰") && !text.contains("张三丰"), text);
        assertTrue(text.contains("结算编号：S-20251112-0001"), text);
        assertTrue(text.contains("入院日期：2025年11月3日") && text.contains("出院日期：2025年11月12日"), text);
        assertTrue(text.contains("参保地：北京市") && text.contains("就医地：湖南省"), text);
        assertFalse(withoutCodes(s, text).matches("(?s).*[A-Za-z].*"), withoutCodes(s, text));
        assertFalse(withoutCodes(s, s.toHtml().replaceAll("(?s)<style>.*</style>", "").replaceAll("<[^>]*>", "").replace("&amp;", "").replace("&lt;", "")
                .replace("&gt;", "").replace("&quot;", "").replace("&#39;", "")).matches("(?s).*[A-Za-z].*"));
    }

    @Test
    @DisplayName("R-SET-10: a Beijing worker in Changsha reads Beijing's articles and never Inner Mongolia's")
    void beijingWorker_citesBeijingOnly() {
        Bill b = mixed();
        String text = WorkerStatement.of(b, ENGINE.settle(b), HEADER).toChineseText();
        assertTrue(text.contains("京人社工发〔2025〕5号第二部分第（三）项"), text);
        assertFalse(text.contains("内蒙古"), text);
        assertFalse(text.contains("第三部分"), "Beijing's part 三 speaks as treatment place; Changsha treats here");
    }

    @Test
    @DisplayName("R-SET-10: an Inner Mongolia worker in Changsha reads Inner Mongolia's articles and never Beijing's")
    void innerMongoliaWorker_citesInnerMongoliaOnly() {
        Filing f = Filing.of(RegionalPolicies.INNER_MONGOLIA, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                new Admdvs("150102"), new Admdvs("430100"), LocalDate.of(2025, 6, 1));
        Bill b = new Bill(Optional.of(f), WorkerStatus.GOOD_STANDING, HOSPITAL, STAY, mixed().lines());
        String text = WorkerStatement.of(b, ENGINE.settle(b), HEADER).toChineseText();
        assertTrue(text.contains("《内蒙古自治区工伤保险跨省异地就医直接结算经办规程》第三十一条"), text);
        assertFalse(text.contains("京人社"), text);
        assertTrue(text.contains("参保地：内蒙古自治区"), text);
    }

    @Test
    @DisplayName("R-SET-10: citations are those of the two places, in the capacity each place plays")
    void citationsFollowThePlaces() {
        assertTrue(Sources.BJ_2_3.appliesTo("110000", "430000"));
        assertFalse(Sources.BJ_2_3.appliesTo("430000", "110000"), "part 二 is about Beijing's own workers");
        assertTrue(Sources.BJ_3_3.appliesTo("430000", "110000"), "part 三 is about workers treated in Beijing");
        assertFalse(Sources.IM_36.appliesTo("110000", "430000"));
        assertFalse(Sources.NATIONAL_INTERFACE.appliesTo("110000", "110000"));
        assertEquals(List.of(Sources.BJ_2_3), Citation.applying(LineReason.NOT_IN_CATALOGUE.citations(), "110000", "430000"));
    }

    @Test
    @DisplayName("R-SET-10, R-UPL-3: a bill not settled directly lists every reason and sends the worker to the insured place")
    void notDirect() {
        Bill b = new Bill(Optional.empty(), new WorkerStatus(true, false), HOSPITAL, STAY,
                List.of(line("1", "X001", LineCategory.DRUG, "10.00", "1")));
        WorkerStatement s = WorkerStatement.of(b, ENGINE.settle(b));
        String text = s.toChineseText();
        assertTrue(text.contains("未能直接结算") && text.contains("未办理异地就医备案")
                && text.contains("职工因违规已被暂停直接结算") && text.contains("申请报销"), text);
        assertEquals(fen(1000), s.workerPays());
        assertFalse(text.contains("R-"), text);
    }

    @Test
    @DisplayName("R-FIL-11: the cross-province verdict of a home-place filer says the insured place settles it, not a manual claim")
    void homePlaceVerdict_isNoManualClaim() {
        Institution beijing = new Institution("H11010800101", new Admdvs("110108"), true, false);
        Bill b = new Bill(Optional.of(Fixtures.FILING), WorkerStatus.GOOD_STANDING, beijing, STAY,
                List.of(line("1", "X001", LineCategory.DRUG, "10.00", "1")));
        SettlementResult verdict = ENGINE.settle(b);
        assertTrue(verdict.reasons().contains(BillReason.TREATED_IN_INSURED_PLACE));
        String text = WorkerStatement.of(b, verdict).toChineseText();
        assertTrue(text.contains("由参保地按本地政策直接结算"), text);
        assertTrue(text.contains("无需另行申请报销"), text);
        assertFalse(text.contains("申请报销；") || text.contains("向参保地经办机构申请报销"), text);
    }

    @Test
    @DisplayName("R-SET-6: a transport line of a long-term filer is not reimbursed, and the statement says why")
    void transportWithoutReferral_isExplained() {
        Bill b = bill(line("1", "TR01", LineCategory.TRANSPORT, "500.00", "1"));
        String text = WorkerStatement.of(b, ENGINE.settle(b)).lines().get(0).text();
        assertTrue(text.contains("仅限异地转诊转院") && text.contains("异地长期居住") && text.contains("不予报销"), text);
    }

    @Test
    @DisplayName("R-SET-10: the printable page is self-contained and escapes every value")
    void html_isSelfContainedAndEscaped() {
        Bill b = mixed();
        StatementHeader nasty = StatementHeader.of("S-<1>&\"", "<script>alert(1)</script>医院", "O'Brien");
        String html = WorkerStatement.of(b, ENGINE.settle(b), nasty).toHtml();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<meta charset=\"UTF-8\">"));
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;医院"), html);
        assertTrue(html.contains("S-&lt;1&gt;&amp;&quot;"), html);
        assertFalse(html.contains("O'Brien") || html.contains("Brien"), "the name is masked");
        assertFalse(html.contains("http") || html.contains("src=") || html.contains("<link"), "no external resource");
        assertTrue(html.contains("@page{size:A4"), html);
        assertEquals(5, html.split("<tr><td class=\"num\">", -1).length - 1);
    }

    @Test
    @DisplayName("R-SET-10: names are masked for print")
    void masking() {
        assertEquals("张*", StatementHeader.mask("张三"));
        assertEquals("张*丰", StatementHeader.mask("张三丰"));
        assertEquals("欧**娜", StatementHeader.mask("欧阳娜娜"));
        assertEquals("*", StatementHeader.mask("张"));
        assertFalse(HEADER.toString().contains("张三丰"));
    }
}
