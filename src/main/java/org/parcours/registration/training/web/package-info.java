/**
 * HTTP side of training applications: the public form ({@code /trainings/<slug>/apply}) and the organisers' pages
 * ({@code /admin/trainings/<id>/questions}, {@code /admin/trainings/<id>/applications}, CSV export).
 */
@NullMarked
package org.parcours.registration.training.web;

import org.jspecify.annotations.NullMarked;
