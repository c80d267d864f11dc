package org.minsheng.api.http;

/** A 400 answer naming the parameter at fault: {@code {"error":"bad_parameter","parameter":"from","message":…}}. */
public final class BadParameterException extends ApiException {
  private final String parameter;

  public BadParameterException(String parameter, String message) {
    super(400, "bad_parameter", parameter + ": " + message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
