/**
 * The relevance yardstick: our own judged corpus and queries, and the metrics (nDCG@10, recall@100,
 * MRR) that say whether search ranks the right papers first.
 */
package dev.paperboy.yardstick;
