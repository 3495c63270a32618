/**
 * People and sign-in. Organisers sign in with an e-mail address and a password (hashed with Argon2id); the first
 * organiser is created through a single-use setup link printed in the log on a start with no organiser, so there is
 * never a default password. Everyone, participants and organisers alike, can also sign in by magic link
 * ({@link org.parcours.account.SignInLinks}: random, hashed at rest, single use, 15 minutes, bound to the asking
 * browser where it kept its cookie). "My account" lets a person change their details, export their data (gathered
 * from every {@link org.parcours.account.PersonalDataContributor}) and erase their account ({@link
 * org.parcours.account.AccountErasure}, which publishes {@link org.parcours.account.PersonErasing} first).
 *
 * <p>Other features call {@link org.parcours.account.Participants} (find or create people by address), {@link
 * org.parcours.account.CurrentPerson} (who is signed in), {@link org.parcours.account.EmailAddresses} (checking
 * typed addresses), and listen to {@link org.parcours.account.PersonErasing}; the {@code person}, {@code
 * setup_token} and {@code login_token} tables are private to this package.
 */
@NullMarked
package org.parcours.account;

import org.jspecify.annotations.NullMarked;
