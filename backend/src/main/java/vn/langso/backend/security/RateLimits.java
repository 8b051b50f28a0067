package vn.langso.backend.security;

import java.time.Duration;

/** The configured limits that features share (see {@code langso.security.limits.*}). */
public final class RateLimits {

    private final RateLimit signInFailures;
    private final RateLimit signInFailuresPerClient;
    private final RateLimit oneTimeCodes;
    private final RateLimit oneTimeCodesPerClient;
    private final RateLimit anonymousSubmissions;

    RateLimits(SecurityProperties.Limits limits) {
        this.signInFailures = new RateLimit("sign-in", limits.signInFailures(), Duration.ofMinutes(1));
        this.signInFailuresPerClient = new RateLimit("sign-in-per-client", limits.signInFailuresPerClient(),
                Duration.ofMinutes(1));
        this.oneTimeCodes = new RateLimit("one-time-code", limits.oneTimeCodes(), Duration.ofHours(1));
        this.oneTimeCodesPerClient = new RateLimit("one-time-code-per-client", limits.oneTimeCodesPerClient(),
                Duration.ofHours(1));
        this.anonymousSubmissions = new RateLimit("anonymous-submission", limits.anonymousSubmissions(), Duration.ofHours(1));
    }

    /** Wrong passwords or codes per user name or phone within a minute. */
    public RateLimit signInFailures() {
        return signInFailures;
    }

    /** Wrong passwords or codes per client address within a minute. */
    public RateLimit signInFailuresPerClient() {
        return signInFailuresPerClient;
    }

    /** One-time codes sent per phone number within an hour. */
    public RateLimit oneTimeCodes() {
        return oneTimeCodes;
    }

    /** One-time codes sent per client address within an hour. */
    public RateLimit oneTimeCodesPerClient() {
        return oneTimeCodesPerClient;
    }

    /** Submissions without a token (such as citizen reports) per client address within an hour. */
    public RateLimit anonymousSubmissions() {
        return anonymousSubmissions;
    }
}
