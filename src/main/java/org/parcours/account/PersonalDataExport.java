package org.parcours.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Export my data": one JSON document with a section per feature that keeps data about the person, gathered from
 * every {@link PersonalDataContributor} bean (this feature's own contributes the profile and sign-in history).
 */
@Service
public class PersonalDataExport {

    static final String FORMAT = "parcours-personal-data/1";

    private final Map<String, PersonalDataContributor> contributors;
    private final JsonMapper json;
    private final Clock clock;

    PersonalDataExport(List<PersonalDataContributor> contributors, Clock clock) {
        Map<String, PersonalDataContributor> bySection = new TreeMap<>();
        for (PersonalDataContributor contributor : contributors) {
            if (bySection.put(contributor.section(), contributor) != null) {
                throw new IllegalStateException("two personal data contributors for section " + contributor.section());
            }
        }
        this.contributors = bySection;
        this.clock = clock;
        this.json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /** Everything Parcours keeps about the person, as the sections' values before serialisation. */
    @Transactional(readOnly = true)
    public Map<String, Object> collect(long personId) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("exportedAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        Map<String, Object> sections = new LinkedHashMap<>();
        contributors.forEach((section, contributor) -> sections.put(section, contributor.export(personId)));
        document.put("sections", sections);
        return document;
    }

    /** {@link #collect(long)} as UTF-8 JSON. */
    public byte[] json(long personId) {
        return json.writeValueAsBytes(collect(personId));
    }
}
