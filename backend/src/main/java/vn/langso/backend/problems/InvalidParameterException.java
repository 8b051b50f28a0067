package vn.langso.backend.problems;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A request parameter is missing, malformed, out of range or unknown (HTTP 400). */
public final class InvalidParameterException extends ApiException {

    private final List<InvalidParam> invalidParams;

    private InvalidParameterException(ProblemType type, List<InvalidParam> invalidParams) {
        this(type, invalidParams, "");
    }

    private InvalidParameterException(ProblemType type, List<InvalidParam> invalidParams, String note) {
        super(type, Stream.concat(invalidParams.stream().map(InvalidParam::reason).distinct(), Stream.of(note))
                .filter(text -> !text.isEmpty()).collect(Collectors.joining(" ")));
        this.invalidParams = List.copyOf(invalidParams);
    }

    /** Creates the error for one parameter; the reason names the value and what to do. */
    public static InvalidParameterException of(String name, String reason) {
        return new InvalidParameterException(ProblemType.INVALID_PARAMETER, List.of(new InvalidParam(name, reason)));
    }

    /** Several parameters at fault, reported together. */
    public static InvalidParameterException of(List<InvalidParam> invalidParams) {
        if (invalidParams.isEmpty()) {
            throw new IllegalArgumentException("At least one invalid parameter is required");
        }
        return new InvalidParameterException(ProblemType.INVALID_PARAMETER, invalidParams);
    }

    /**
     * Several parameters at fault, of which only some are named: {@code note} ends the detail with the number of the
     * others.
     */
    public static InvalidParameterException of(List<InvalidParam> named, String note) {
        if (named.isEmpty()) {
            throw new IllegalArgumentException("At least one invalid parameter is required");
        }
        return new InvalidParameterException(ProblemType.INVALID_PARAMETER, named, note);
    }

    /** Creates the error for a malformed or impossible bbox parameter. */
    public static InvalidParameterException bbox(String reason) {
        return new InvalidParameterException(ProblemType.INVALID_BBOX, List.of(new InvalidParam("bbox", reason)));
    }

    @Override
    public List<InvalidParam> invalidParams() {
        return invalidParams;
    }
}
