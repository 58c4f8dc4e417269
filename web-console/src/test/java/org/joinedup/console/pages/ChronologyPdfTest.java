package org.joinedup.console.pages;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chronology PDF: every entry, every name as recorded whatever its alphabet, and page numbers. */
class ChronologyPdfTest {
    static ChronologyView.Entry entry(String title, String text) {
        return new ChronologyView.Entry("8 November 2026, 23:05", "8 November 2026, 23:30", "met-police", "Metropolitan Police",
                title, "Domestic abuse", "High", List.of("Safe"), text, "I was scared.", false, null, false, false);
    }

    @Test
    void every_entry_and_every_alphabet_prints_and_pages_are_numbered() throws Exception {
        List<ChronologyView.Entry> entries = new ArrayList<>();
        entries.add(entry("Concern raised", "Łukasz Wójcik and Ayşe Yılmaz were present; the neighbour, محمد, called 999."));
        for (int i = 0; i < 120; i++) {
            entries.add(entry("Plan reviewed", "Review " + i + ": " + "the plan continues ".repeat(30)));
        }
        entries.add(new ChronologyView.Entry("1 December 2026, 10:00", null, "homes", "Homes for Haringey", "Concern raised",
                "Neglect", null, List.of(), null, null, true, "Homes for Haringey, 020 7946 0100", false, false));
        byte[] pdf = ChronologyPdf.render(new ChronologyPdf.Heading("Chronology of Ama Mensah",
                List.of("Born 9 May 2018", "Made 8 December 2026 by Priya Shah.")), entries);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(doc.getNumberOfPages() > 3, "120 long entries take several pages");
            assertTrue(text.contains("Chronology of Ama Mensah"));
            assertTrue(text.contains("Łukasz Wójcik") && text.contains("Ayşe Yılmaz"), "names print as recorded");
            assertTrue(text.contains("Review 119"), "the last long entry is there");
            assertTrue(text.contains("may not be read in full") && text.contains("020 7946 0100"), "a headline says whom to call");
            assertTrue(text.contains("Page 1 of " + doc.getNumberOfPages()));
            assertEquals("Chronology of Ama Mensah", doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void nothing_recorded_is_said_and_control_characters_do_not_break_the_page() throws Exception {
        byte[] pdf = ChronologyPdf.render(new ChronologyPdf.Heading("Chronology of A\u0000B", List.of("line\tone")), List.of());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Nothing is recorded."));
        }
    }
}
