/** Getting papers in: one parser per format, and the importer that stores them in the catalog. */
package dev.paperboy.ingest;
