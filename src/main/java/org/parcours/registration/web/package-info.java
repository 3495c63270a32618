/**
 * Web pages of registration: the registration form (on the cycle and session pages, and on its own page), the
 * confirmation page, one-click cancel links, "My space" ({@code /me}) and the organisers' registrant lists, CSV
 * export and messages ({@code /admin/...}, organisers only).
 */
@NullMarked
package org.parcours.registration.web;

import org.jspecify.annotations.NullMarked;
