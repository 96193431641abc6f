package chuan.model;

import java.time.LocalDate;

/** The accepted exception behind a waived result: why, who answers for it, and until when. */
public record Waiver(String reason, String owner, String ticket, LocalDate expires, String source) {
}
