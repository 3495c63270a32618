package org.parcours.account;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account's own part of "export my data": the profile and how often sign-in links were asked for and used. */
@Component
class AccountData implements PersonalDataContributor {

    private final JdbcClient jdbc;

    AccountData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Object export(long personId) {
        Profile profile =
                jdbc.sql("""
                        select display_name as name, email, locale as language, role, created_at,
                            password_hash is not null as has_password
                        from person where id = :id""").param("id", personId).query(Profile.class).single();
        SignIns signIns =
                jdbc.sql("""
                        select count(*) as links_requested, count(used_at) as links_used,
                            max(used_at) as last_sign_in_by_link
                        from login_token where person_id = :id""").param("id", personId).query(SignIns.class).single();
        return new Export(profile, signIns);
    }

    record Export(Profile profile, SignIns signInLinks) {}

    record Profile(
            String name, String email, String language, String role, OffsetDateTime createdAt, boolean hasPassword) {}

    record SignIns(
            long linksRequested, long linksUsed, @Nullable OffsetDateTime lastSignInByLink) {}
}
