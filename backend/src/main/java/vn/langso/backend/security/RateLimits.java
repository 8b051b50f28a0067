package vn.langso.backend.security;

import java.time.Duration;

/** The configured limits that features share (see {@code langso.security.limits.*}). */
public final class RateLimits {

    private final RateLimit signInFailures;
    private final RateLimit oneTimeCodes;
    private final RateLimit anonymousSubmissions;

    RateLimits(SecurityProperties.Limits limits) {
        this.signInFailures = new RateLimit("sign-in", limits.signInFailures(), Duration.ofMinutes(1));
        this.oneTimeCodes = new RateLimit("one-time-code", limits.oneTimeCodes(), Duration.ofHours(1));
        this.anonymousSubmissions = new RateLimit("anonymous-submission", limits.anonymousSubmissions(), Duration.ofHours(1));
    }

    /** Wrong passwords per user name and per client address within a minute. */
    public RateLimit signInFailures() {
        return signInFailures;
    }

    /** One-time codes sent per phone number and per client address within an hour. */
    public RateLimit oneTimeCodes() {
        return oneTimeCodes;
    }

    /** Submissions without a token (such as citizen reports) per client address within an hour. */
    public RateLimit anonymousSubmissions() {
        return anonymousSubmissions;
    }
}
