/** Sign-in pages and the first-organiser setup page. Open to everyone (see the security configuration). */
@NullMarked
package org.parcours.account.web;

import org.jspecify.annotations.NullMarked;
