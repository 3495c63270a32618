package org.parcours.library.bibliography;

/**
 * What a reference is, with its names in the formats Parcours reads and writes: the CSL type, the BibTeX entry
 * type written on export and the RIS type.
 */
public enum ReferenceKind {
    BOOK("book", "book", "BOOK"),
    ARTICLE("article-journal", "article", "JOUR"),
    CHAPTER("chapter", "incollection", "CHAP"),
    VIDEO("motion_picture", "video", "VIDEO"),
    WEB_PAGE("webpage", "online", "ELEC"),
    REPORT("report", "techreport", "RPRT");

    private final String csl;
    private final String bibtex;
    private final String ris;

    ReferenceKind(String csl, String bibtex, String ris) {
        this.csl = csl;
        this.bibtex = bibtex;
        this.ris = ris;
    }

    public String csl() {
        return csl;
    }

    public String bibtex() {
        return bibtex;
    }

    public String ris() {
        return ris;
    }
}
