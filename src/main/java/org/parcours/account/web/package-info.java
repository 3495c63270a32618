/**
 * Sign-in pages (organisers' password form, magic links for everyone, first-organiser setup), open to everyone;
 * and "my account" under {@code /me/account}, which needs a signed-in person (see the security configuration).
 */
@NullMarked
package org.parcours.account.web;

import org.jspecify.annotations.NullMarked;
