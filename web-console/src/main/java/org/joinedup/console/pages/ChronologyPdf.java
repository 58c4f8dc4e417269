package org.joinedup.console.pages;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chronology as a PDF an inspector or a lead can attach to a review: a heading, what it is (whose, as it
 * stood when, on what basis, when it was made), then every entry with when it happened, which agency, what
 * and its text. A4, with the DejaVu Sans font embedded (subset) so that every name prints as recorded, in any
 * alphabet; page numbers on every page. Made with Apache PDFBox.
 */
public final class ChronologyPdf {
    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float LEADING = 13;

    private ChronologyPdf() {
    }

    /** What the PDF says about itself, above the entries. */
    public record Heading(String title, List<String> about) {
    }

    /** Renders the chronology. */
    public static byte[] render(Heading heading, List<ChronologyView.Entry> entries) {
        try (PDDocument doc = new PDDocument(); InputStream fontFile = ChronologyPdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDFont font = PDType0Font.load(doc, fontFile, true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(heading.title());
            info.setCreator("Joined-Up");
            Writer w = new Writer(doc, font);
            w.line(heading.title(), 16, 20);
            for (String a : heading.about()) {
                w.paragraph(a, BODY, LEADING);
            }
            w.gap(8);
            if (entries.isEmpty()) {
                w.paragraph("Nothing is recorded.", BODY, LEADING);
            }
            for (ChronologyView.Entry e : entries) {
                w.keep(4 * LEADING);
                w.paragraph(e.title() + (e.category() == null ? "" : ": " + e.category())
                        + (e.risk() == null ? "" : " (" + e.risk() + " risk)"), 11, 14);
                w.paragraph("Happened " + (e.occurredAt() == null ? "at an unknown time" : e.occurredAt())
                        + (e.recordedAt() == null ? "" : "; recorded " + e.recordedAt()) + ". " + e.agency()
                        + (e.linked() ? " (a linked record)" : ""), 9, 12);
                if (e.headline()) {
                    w.paragraph("Held by " + e.agency() + ": may not be read in full. To learn more, call "
                            + (e.whomToCall() == null ? e.agency() : e.whomToCall()) + ".", BODY, LEADING);
                } else {
                    if (e.text() != null) {
                        w.paragraph(e.text(), BODY, LEADING);
                    }
                    if (e.childsVoice() != null) {
                        w.paragraph("The child said: \u201c" + e.childsVoice() + "\u201d", BODY, LEADING);
                    }
                }
                w.gap(6);
            }
            w.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the PDF", e);
        }
    }

    /** Lays text down the page, wrapping lines to the width and starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream out;
        private float y;

        Writer(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void keep(float height) throws IOException {
            if (y - height < MARGIN + 20) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void line(String text, float size, float leading) throws IOException {
            keep(leading);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y - size);
            out.showText(printable(text));
            out.endText();
            y -= leading;
        }

        void paragraph(String text, float size, float leading) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String para : printable(text).split("\n")) {
                StringBuilder current = new StringBuilder();
                for (String word : para.split(" ")) {
                    String next = current.isEmpty() ? word : current + " " + word;
                    if (font.getStringWidth(next) / 1000 * size > width && !current.isEmpty()) {
                        line(current.toString(), size, leading);
                        current = new StringBuilder(word);
                    } else {
                        current = new StringBuilder(next);
                    }
                }
                line(current.toString(), size, leading);
            }
        }

        void finish() throws IOException {
            out.close();
            int n = pages.size();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
                        true)) {
                    s.beginText();
                    s.setFont(font, 8);
                    s.newLineAtOffset(MARGIN, MARGIN / 2);
                    s.showText("Joined-Up chronology. Page " + (i + 1) + " of " + n + ". Every read of it is recorded.");
                    s.endText();
                }
            }
        }

        /** Text the font can draw: control characters become spaces, glyphs it lacks a replacement mark. */
        private String printable(String text) {
            StringBuilder b = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    b.append('\n');
                } else if (Character.isISOControl(cp)) {
                    b.append(' ');
                } else {
                    String ch = new String(Character.toChars(cp));
                    try {
                        font.encode(ch);
                        b.append(ch);
                    } catch (IOException | IllegalArgumentException e) {
                        b.append('\ufffd');
                    }
                }
            });
            return b.toString();
        }
    }
}
