package org.parcours.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Opens an uploaded PDF with PDFBox (read from the file, its streams cached in temporary files rather than in
 * memory) to count its pages and render the first one as a PNG thumbnail. A file PDFBox cannot open is refused.
 */
final class Slides {

    static final int THUMBNAIL_WIDTH = 480;

    record Inspected(int pageCount, byte[] thumbnailPng) {}

    private Slides() {}

    static Inspected inspect(Path pdf) throws MediaRejected {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new MediaRejected("media.slides.noPages");
            }
            PDRectangle box = document.getPage(0).getCropBox();
            float scale = THUMBNAIL_WIDTH / Math.max(1f, box.getWidth());
            BufferedImage image = new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return new Inspected(pages, png.toByteArray());
        } catch (InvalidPasswordException e) {
            throw new MediaRejected("media.slides.encrypted");
        } catch (IOException | RuntimeException e) {
            throw new MediaRejected("media.slides.unreadable");
        }
    }
}
