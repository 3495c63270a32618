package org.parcours.cycle.web;

import org.parcours.cycle.Session;
import org.parcours.cycle.SessionStatus;

/**
 * One session at its place in the path: its number (1-based, in path order) and where it stands now. Public
 * because the precompiled templates live in another package.
 */
public record PathStep(int number, Session session, SessionStatus status) {}
