package org.minsheng.post;

/** A record that cannot become a {@link Post}; the message is the reason shown in the dead-letter output. */
public class InvalidPostException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidPostException(String reason) {
    super(reason);
  }

  public InvalidPostException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
