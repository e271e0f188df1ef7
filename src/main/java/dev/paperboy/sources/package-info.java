/**
 * Live sources: harvesting arXiv (OAI-PMH, daily feeds, API) and Hugging Face daily papers on a
 * schedule, politely and robustly, with each source's health kept for the operator.
 */
package dev.paperboy.sources;
