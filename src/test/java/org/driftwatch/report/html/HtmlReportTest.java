package org.driftwatch.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.driftwatch.report.ReportSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report is safe and small enough for mail clients (rendered from a report object: no Spark). */
class HtmlReportTest {
    @TempDir
    static Path tmp;

    static ReportSet files;
    static HtmlReport html;

    @BeforeAll
    static void render() throws Exception {
        files = ReportFixtures.written(tmp);
        html = files.page();
    }

    @Test
    void noScriptNoStyleBlockNoExternalResource() {
        for (String page : new String[] {html.renderForEmail(), html.renderStandalone()}) {
            Document d = Jsoup.parse(page);
            assertTrue(d.select("script, style, link, iframe, object, embed, form").isEmpty(), "no active or external elements");
            for (Element e : d.select("[src], [href], [background]")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.hasAttr("href") ? e.attr("href") : e.attr("background");
                assertTrue(url.startsWith("cid:") || url.startsWith("data:image/png;base64,"), "no external URL: " + url);
            }
            for (Element e : d.getAllElements()) {
                e.attributes().forEach(a -> assertFalse(a.getKey().toLowerCase().startsWith("on"), "no event handler: " + a));
            }
        }
    }

    /** The Schema fact never says "unchanged" beside a schema finding: here category_0 has a new category (#30 item 8). */
    @Test
    void theSchemaFactAgreesWithTheSchemaFindings() {
        Document d = Jsoup.parse(html.renderStandalone());
        String facts = d.text();
        assertTrue(facts.contains("Schema 1 column with new categories"), facts);
        assertFalse(facts.contains("Schema unchanged"));
    }

    /** The Test cell shows the test that decides the Drift cell, not KS beside a Wasserstein decision (#30 item 8). */
    @Test
    void theTestCellIsTheDecidingTest() {
        String text = Jsoup.parse(html.renderStandalone()).text();
        assertTrue(text.contains("feature_3 num 0.226 Wasserstein 0.400 (limit 0.1) yes"), "the row of feature_3, drifted by Wasserstein");
        assertFalse(text.contains("feature_3 num 0.226 D 0.160"), "not KS's D beside it");
    }

    @Test
    void valuesFromDataAreEscaped() {
        String page = html.renderForEmail();
        Document d = Jsoup.parse(page);
        assertTrue(d.select("img[src=x]").isEmpty(), "a column name is not markup");
        assertTrue(d.text().contains(ReportFixtures.NASTY_COLUMN), "the column name appears as text");
        assertTrue(d.text().contains("</td><script>"), "the category appears as text");
        assertFalse(page.contains("<script>"));
    }

    @Test
    void emailBodyStaysUnderGmailsClipLimitForFiftyColumns() {
        assertEquals(50, files.page().report().comparison().columns().size());
        String body = html.renderForEmail();
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/wide-report-email.html"), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(bytes < 100_000, "email HTML is " + bytes + " bytes");
    }

    @Test
    void everyImageHasAltTextAndEveryChartIsReferenced() {
        Document d = Jsoup.parse(html.renderForEmail());
        assertEquals(html.charts().size(), d.select("img").size());
        for (Element img : d.select("img")) {
            assertTrue(img.attr("alt").length() > 20, "meaningful alt text: " + img.attr("alt"));
        }
        for (ReportCharts.Chart c : html.charts()) {
            assertEquals(1, d.select("img[src=cid:" + HtmlReport.inlineName(c) + "]").size(), c.id());
        }
    }

    @Test
    void verdictIsWordsNotOnlyColour() {
        Document d = Jsoup.parse(html.renderForEmail());
        String first = d.body().text().substring(0, 200);
        assertTrue(first.contains(html.verdict().outcome().mark() + " " + html.verdict().outcome().word()), first);
        assertTrue(d.body().text().contains("(16 of 50 columns drifted)"), "the headline ends with the count");
    }

    @Test
    void savedFilesAreWrittenBesideTheJson() throws Exception {
        Path dir = files.json().getParent();
        String saved = Files.readString(dir.resolve("report.html"));
        assertTrue(saved.contains("data:image/png;base64,"));
        String csv = Files.readString(dir.resolve("summary.csv"));
        assertEquals(1 + 50 + 1 + 8, csv.lines().count(), "a header, one row per column, the prediction, one row per model metric");
        assertTrue(csv.lines().findFirst().orElseThrow().startsWith("column,role,type,status,psi"));
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",notes,mean_shift,psi_critical,self_check,cramer_von_mises,anderson_darling,segment,reference_value,current_value,change"),
            "registered metrics follow the fixed columns, then a segment row's segment; the model's values come last");
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("y_hat,prediction,categorical,")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("f1,performance,binary,") && l.endsWith(",0.8,0.5,-0.30000000000000004")), csv);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(files.json().toFile());
        assertEquals(0.4, json.path("columns").path("feature_3").path("mean_shift").asDouble(), 1e-12, "a registered metric in report.json");
        assertTrue(json.path("columns").path("category_1").path("mean_shift").isMissingNode(), "only where it applies");
    }
}
