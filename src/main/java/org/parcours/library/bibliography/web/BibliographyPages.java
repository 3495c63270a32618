package org.parcours.library.bibliography.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.parcours.library.bibliography.Citation;
import org.parcours.library.bibliography.ParsedFile;
import org.parcours.library.bibliography.Reference;
import org.parcours.web.FormErrors;

/** What the organisers' bibliography templates show (built by {@link AdminPages}). */
public final class BibliographyPages {

    private BibliographyPages() {}

    /** The list of an owner's references with their citation, and the import form. */
    public record ListPage(OwnerPage owner, List<Row> rows, List<String> problems, String pasted) {
        public record Row(Reference reference, Citation citation) {
            public long id() {
                return Objects.requireNonNull(reference.id());
            }
        }
    }

    /** The reference form: {@code reference} is null for a new one. */
    public record FormPage(
            OwnerPage owner,
            @Nullable Reference reference,
            ReferenceForm form,
            FormErrors errors,
            Map<String, String> kinds) {

        public String action() {
            return reference == null ? owner.base() : "/admin/references/" + reference.id();
        }
    }

    /**
     * What an import would add, before anything is saved: the readable references with their line, the broken
     * records, and the file itself (Base64) for the confirmation to read again.
     */
    public record PreviewPage(
            OwnerPage owner, List<Row> rows, List<ParsedFile.Broken> broken, String content, String fileName) {
        public record Row(int line, Citation citation) {}
    }
}
