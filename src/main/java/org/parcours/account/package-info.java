/**
 * People and sign-in: organisers sign in with an e-mail address and a password (hashed with Argon2id); the
 * first organiser is created through a single-use setup link printed in the log on a start with no organiser.
 * There is never a default password. Participants (magic-link sign-in) come later.
 *
 * <p>Other features call {@link org.parcours.account.FirstOrganiserSetup} and {@link
 * org.parcours.account.OrganiserSignIn}; the {@code person} and {@code setup_token} tables are private to this
 * package.
 */
@NullMarked
package org.parcours.account;

import org.jspecify.annotations.NullMarked;
