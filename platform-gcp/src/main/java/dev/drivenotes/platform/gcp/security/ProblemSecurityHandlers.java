package dev.drivenotes.platform.gcp.security;

import dev.drivenotes.platform.web.ProblemResponses;
import dev.drivenotes.platform.web.ProblemType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's answers for bearer-token endpoints as problem details: the {@code
 * WWW-Authenticate} header stays RFC 6750's (it says why the token failed), the body is a 401 or
 * 403 problem that never echoes the token.
 */
public final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {}

    /** 401: no token, or one that is forged, expired, undated or for another audience. */
    public static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            ProblemResponses.write(
                    response,
                    ProblemType.UNAUTHORIZED.detail(
                            "a valid Google-signed ID token for this service is required (Authorization: Bearer)"));
        };
    }

    /** 403: a valid token of a caller this endpoint does not admit. */
    public static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            ProblemResponses.write(
                    response, ProblemType.FORBIDDEN.detail("the token's caller may not call this endpoint"));
        };
    }
}
