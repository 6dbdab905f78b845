package org.coinpilot.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.coinpilot.identity.config.IdentityConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The production setting (reject-unknown-session=true), which the test profile turns off for other features. */
class SessionCheckAugmentorTest {

    @Test
    void shouldRefuseATokenWhenItsSessionIsUnknownOrMissingInProduction() {
        SessionCheckAugmentor augmentor = augmentor(true, SessionGuard.Verdict.UNKNOWN);

        assertThatThrownBy(
                        () -> augmentor.augment(identity("sid-1"), null).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> augmentor.augment(identity(null), null).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void shouldRefuseARevokedSessionAndPassAUsableOne() {
        assertThatThrownBy(() -> augmentor(true, SessionGuard.Verdict.REVOKED)
                        .augment(identity("sid-1"), null)
                        .await()
                        .indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
        SecurityIdentity identity = identity("sid-1");
        assertThat(augmentor(true, SessionGuard.Verdict.USABLE)
                        .augment(identity, null)
                        .await()
                        .indefinitely())
                .isSameAs(identity);
    }

    @Test
    void shouldLetUnknownSessionsThroughWhenTheTestSettingIsOff() {
        SecurityIdentity identity = identity("sid-1");
        assertThat(augmentor(false, SessionGuard.Verdict.UNKNOWN)
                        .augment(identity, null)
                        .await()
                        .indefinitely())
                .isSameAs(identity);
    }

    @Test
    void shouldRefuseASessionOfAnotherUserWhateverTheUnknownSessionSetting() {
        for (boolean rejectUnknown : new boolean[] {true, false}) {
            assertThatThrownBy(() -> augmentor(rejectUnknown, SessionGuard.Verdict.OTHER_USER)
                            .augment(identity("sid-1"), null)
                            .await()
                            .indefinitely())
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void shouldAskTheGuardAboutTheTokensSubjectWhenCheckingTheSession() {
        SessionGuard guard = mock(SessionGuard.class);
        when(guard.check("sid-1", 42L))
                .thenReturn(Uni.createFrom().item(new SessionGuard.Status(SessionGuard.Verdict.USABLE, 3L, 42L)));
        IdentityConfig config = mock(IdentityConfig.class, RETURNS_DEEP_STUBS);
        when(config.tokens().rejectUnknownSession()).thenReturn(true);
        SecurityIdentity identity = identity("sid-1");
        when(((JsonWebToken) identity.getPrincipal()).getSubject()).thenReturn("42");

        assertThat(new SessionCheckAugmentor(guard, config)
                        .augment(identity, null)
                        .await()
                        .indefinitely())
                .isSameAs(identity);
    }

    private static SessionCheckAugmentor augmentor(boolean rejectUnknown, SessionGuard.Verdict verdict) {
        IdentityConfig config = mock(IdentityConfig.class, RETURNS_DEEP_STUBS);
        when(config.tokens().rejectUnknownSession()).thenReturn(rejectUnknown);
        when(config.tokens().accessTokenTtl()).thenReturn(Duration.ofMinutes(15));
        SessionGuard guard = mock(SessionGuard.class);
        when(guard.check("sid-1", SessionCheckAugmentor.NO_USER))
                .thenReturn(Uni.createFrom().item(new SessionGuard.Status(verdict, 3L, 4L)));
        return new SessionCheckAugmentor(guard, config);
    }

    private static SecurityIdentity identity(String sid) {
        JsonWebToken token = mock(JsonWebToken.class);
        when(token.getClaim("sid")).thenReturn(sid);
        SecurityIdentity identity = mock(SecurityIdentity.class);
        when(identity.isAnonymous()).thenReturn(false);
        when(identity.getPrincipal()).thenReturn(token);
        return identity;
    }
}
