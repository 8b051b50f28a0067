package vn.langso.bench;

/**
 * One measured case: a fixed list of request targets, each served once through the API and once by the
 * equivalent SQL run directly. Both calls return the number of body bytes that reached the client.
 */
interface BenchCase {

    String name();

    /** Returns the number of distinct targets. Iteration {@code i} uses target {@code i % targets()}. */
    int targets();

    long callApi(ApiClient api, int target) throws Exception;

    long callRaw(RawClient raw, int target) throws Exception;

    /**
     * Checks, before measuring, that the API and the raw SQL return the same data for a target. Fails with a
     * message naming the difference.
     */
    void verify(ApiClient api, RawClient raw, int target) throws Exception;
}
