/**
 * Applications to trainings: the free questions an organiser asks, the public application form, statuses pending /
 * accepted / declined / waitlisted with an e-mail to the applicant at each change, the capacity (never more accepted
 * people than places, enforced by the database) and the organisers' list with CSV export.
 *
 * <p>Trainings themselves belong to the cycle feature ({@link org.parcours.cycle.CycleService}, {@link
 * org.parcours.cycle.CycleEditor}); applicants are people of the account feature ({@link
 * org.parcours.account.Participants}). Other features call {@link
 * org.parcours.registration.training.TrainingApplications} only; the tables are private to this package.
 */
@NullMarked
package org.parcours.registration.training;

import org.jspecify.annotations.NullMarked;
