package org.coinpilot.macro.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.macro.domain.MacroIndicator;

/** Queries of {@code macro_indicators}. */
@ApplicationScoped
public class MacroIndicatorRepository implements PanacheRepositoryBase<MacroIndicator, Long> {}
