/** Getting papers in: one parser per format, and the importer that stores and indexes them. */
package dev.paperboy.ingest;
