package org.imssim.firmware.web;

import java.util.concurrent.CompletionStage;

/**
 * Answers one API call. Handlers that read or change the unit post their work to the unit's
 * event loop and complete the stage from there; they never block the HTTP thread.
 */
@FunctionalInterface
public interface ApiHandler {
    CompletionStage<ApiResponse> handle(ApiCall call);
}
