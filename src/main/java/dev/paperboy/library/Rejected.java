package dev.paperboy.library;

/** An entry of an imported file that was skipped: where it stood ("entry 3, line 12") and why. */
public record Rejected(String position, String reason) {}
