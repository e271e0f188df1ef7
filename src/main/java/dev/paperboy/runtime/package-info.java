/**
 * What every feature stands on: the data directory and who owns it, the settings, and the database
 * (embedded PostgreSQL or an external one).
 */
package dev.paperboy.runtime;
