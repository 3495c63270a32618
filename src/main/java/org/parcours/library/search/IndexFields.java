package org.parcours.library.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The fields of an index document. Texts are indexed in the fields of their language ({@code title_fr}, {@code
 * text_en}...), stored and with offsets, so snippets are cut without analysing the text again. A slot names the
 * documents of one source in one cycle, which are replaced together. Change {@link SearchIndex#FORMAT} with them.
 */
final class IndexFields {

    static final String KEY = "key";
    static final String SOURCE = "source";
    static final String CYCLE = "cycle";
    static final String SLOT = "slot";
    static final String KIND = "kind";
    static final String LANGUAGE = "language";
    static final String URL = "url";
    static final String CONTEXT = "context";

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private IndexFields() {}

    static Document document(String source, long cycleId, SearchDocument d) {
        String language = SearchAnalysis.language(d.language());
        Document doc = new Document();
        doc.add(new StringField(KEY, d.key(), Field.Store.YES));
        doc.add(new StringField(SOURCE, source, Field.Store.NO));
        doc.add(new StringField(CYCLE, Long.toString(cycleId), Field.Store.NO));
        doc.add(new StringField(SLOT, slot(source, cycleId), Field.Store.NO));
        doc.add(new StringField(KIND, d.kind(), Field.Store.YES));
        doc.add(new StoredField(LANGUAGE, language));
        doc.add(new Field(SearchAnalysis.TITLE + language, d.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field(SearchAnalysis.TEXT + language, d.text(), TEXT_WITH_OFFSETS));
        doc.add(new StoredField(URL, d.url()));
        doc.add(new StoredField(CONTEXT, d.context()));
        return doc;
    }

    static String slot(String source, long cycleId) {
        return source + "/" + cycleId;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static Set<String> values(IndexReader reader, String field) throws IOException {
        Set<String> values = new HashSet<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return values;
        }
        TermsEnum each = terms.iterator();
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            values.add(term.utf8ToString()); // may name only deleted documents: callers count or delete
        }
        return values;
    }
}
