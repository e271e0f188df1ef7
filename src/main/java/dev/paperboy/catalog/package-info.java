/** The catalog: papers, their ids and signals, stored in PostgreSQL, the one system of record. */
package dev.paperboy.catalog;
