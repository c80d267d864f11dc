package org.minsheng.api.http;

/** An error answered as JSON {@code {"error": code, "message": …}} with an HTTP status. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " not found");
  }
}
