package org.coinpilot.notification.api;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Filters of the owner's notification list. Values are checked by the service (an unknown value is a 400 naming
 * the parameter, never a 404 from a failed conversion); case does not matter.
 */
public class NotificationQuery {

    @QueryParam("status")
    @Parameter(description = "UNREAD or READ (dismissed ones are never listed)")
    public String status;

    @QueryParam("type")
    @Parameter(description = "ALERT, SIGNAL, SYSTEM or EDUCATIONAL; repeat for several")
    public List<String> type;

    @QueryParam("priority")
    @Parameter(description = "LOW, NORMAL, HIGH or URGENT; repeat for several")
    public List<String> priority;
}
