/**
 * Several Paperboy instances on one PostgreSQL behind HAProxy, tested as docs/DEPLOY.md lays out.
 */
package dev.paperboy.cluster;
