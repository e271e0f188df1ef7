/**
 * The daily digest: subscribers and their topics, sign-in by emailed link, the digest composer, the
 * transactional outbox and the sender that drains it over SMTP.
 */
package dev.paperboy.digest;
