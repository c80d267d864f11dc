package org.minsheng.api.http;

import java.time.Clock;
import java.time.ZoneId;
import org.minsheng.api.ApiSettings;

/** Makes {@link Params} for a request with the configured limits, zone and clock. */
public record ParamsFactory(ApiSettings.Limits limits, ZoneId zone, Clock clock) {
  public Params of(ApiRequest request) {
    return new Params(request.query(), limits, zone, clock);
  }
}
