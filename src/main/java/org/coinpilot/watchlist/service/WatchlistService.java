package org.coinpilot.watchlist.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.ForbiddenOperationException;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.security.AuditTrail;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.domain.AssetSnapshot;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.watchlist.api.AddWatchlistAssetRequest;
import org.coinpilot.watchlist.api.CreateWatchlistRequest;
import org.coinpilot.watchlist.api.PatchWatchlistAssetRequest;
import org.coinpilot.watchlist.api.PatchWatchlistRequest;
import org.coinpilot.watchlist.api.ReorderWatchlistRequest;
import org.coinpilot.watchlist.api.WatchlistAssetResponse;
import org.coinpilot.watchlist.api.WatchlistResponse;
import org.coinpilot.watchlist.api.WatchlistSummary;
import org.coinpilot.watchlist.config.WatchlistConfig;
import org.coinpilot.watchlist.domain.MarketView;
import org.coinpilot.watchlist.domain.PositionType;
import org.coinpilot.watchlist.domain.Scope;
import org.coinpilot.watchlist.domain.Watchlist;
import org.coinpilot.watchlist.domain.WatchlistAsset;
import org.coinpilot.watchlist.domain.WatchlistType;
import org.coinpilot.watchlist.persistence.WatchlistAssetRepository;
import org.coinpilot.watchlist.persistence.WatchlistReadRepository;
import org.coinpilot.watchlist.persistence.WatchlistReadRepository.EntryRow;
import org.coinpilot.watchlist.persistence.WatchlistReadRepository.ListWithEntries;
import org.coinpilot.watchlist.persistence.WatchlistRepository;

/**
 * Watchlists (docs/watchlists.md): users change their personal lists, admins the system default lists; everyone
 * reads the active default lists and their own. A list is read with its entries enriched from market's published
 * reads in a fixed number of statements whatever its length. Changes to a list's entries lock the list's row, so
 * that {@code max_assets} and the dense positions hold under concurrent requests.
 */
@ApplicationScoped
public class WatchlistService {

    private final WatchlistRepository lists;
    private final WatchlistAssetRepository entries;
    private final WatchlistReadRepository reads;
    private final MarketReadService market;
    private final CandleSeriesService assets;
    private final AuditTrail audit;
    private final WatchlistConfig config;
    private final Clock clock;
    private final Transactions tx;
    private final WatchlistAnswerCache answers;
    private final ObjectMapper json;

    public WatchlistService(
            WatchlistRepository lists,
            WatchlistAssetRepository entries,
            WatchlistReadRepository reads,
            MarketReadService market,
            CandleSeriesService assets,
            AuditTrail audit,
            WatchlistConfig config,
            Clock clock,
            Transactions tx,
            WatchlistAnswerCache answers,
            ObjectMapper json) {
        this.lists = lists;
        this.entries = entries;
        this.reads = reads;
        this.market = market;
        this.assets = assets;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.tx = tx;
        this.answers = answers;
        this.json = json;
    }

    /** An asset on a user's personal watchlist, as published to other features (recommendations). */
    public record WatchedAsset(long userId, long watchlistId, long cryptoId) {}

    /**
     * The active entries of every user's active personal watchlists, by user, list and asset (one query; the system
     * default lists belong to no user and are left out).
     */
    public Uni<List<WatchedAsset>> watchedAssets() {
        return tx.read(() -> entries.watchedByUsers()
                .map(rows -> rows.stream()
                        .map(r -> new WatchedAsset((Long) r[0], (Long) r[1], (Long) r[2]))
                        .toList()));
    }

    /** A page of the lists {@code viewerId} sees (active defaults first, then their own); null viewer: all system lists. */
    public Uni<PageResponse<WatchlistSummary>> list(Long viewerId, PageQuery page) {
        WatchlistRepository.Filter filter = new WatchlistRepository.Filter(viewerId);
        return tx.read(() -> lists.page(filter, page.page, page.size)
                .chain(rows -> entries.countByWatchlists(
                                rows.stream().map(w -> w.id).toList())
                        .map(counts -> rows.stream()
                                .map(w -> summary(w, counts.getOrDefault(w.id, 0L)))
                                .toList()))
                .chain(items -> page.includeTotal
                        ? lists.count(filter).map(total -> PageResponse.of(items, page, total))
                        : Uni.createFrom().item(PageResponse.of(items, page, null))));
    }

    /**
     * The list {@code id} with its entries and their market data on {@code timeframe} (default 1h), as its JSON
     * ({@link WatchlistResponse}), for a user: their own lists and the active default lists; anything else is a 404.
     *
     * <p>The answer kept in {@link WatchlistAnswerCache} is served when it was built in the clock's current second,
     * at market's current snapshot generation and the list's current generation, and the user may see the list (no
     * statement); else it is built and kept: the list with its entries (one statement, the caller's access checked in
     * it) and the market columns from market's cached {@code snapshots} (none on a warm cache, four at most for the
     * assets not kept, whatever the length of the list).
     */
    public Uni<byte[]> read(long viewerId, long id, String timeframeCode) {
        Timeframe timeframe = timeframe(timeframeCode);
        WatchlistAnswerCache.Key key = new WatchlistAnswerCache.Key(id, timeframe);
        long generation = answers.generation(id);
        long marketGeneration = market.snapshotsGeneration();
        long second = Times.now(clock).getEpochSecond();
        byte[] kept = answers.get(key, viewerId, marketGeneration, second);
        if (kept != null) {
            return Uni.createFrom().item(kept);
        }
        return listWithEntries(viewerId, id)
                .chain(found -> enrich(found, timeframe).map(response -> {
                    byte[] built = encode(response);
                    // kept only if built within one clock second (the ages inside are of that second)
                    if (Times.now(clock).getEpochSecond() == second) {
                        WatchlistReadRepository.ListRow l = found.list();
                        answers.put(
                                key,
                                new WatchlistAnswerCache.Answer(
                                        generation,
                                        marketGeneration,
                                        second,
                                        l.userId(),
                                        "personal".equals(l.type()),
                                        l.active(),
                                        built));
                    }
                    return built;
                }));
    }

    /**
     * The list {@code id} as {@link #read} answers it, as an object and always built fresh: the answer of the changes
     * to a list (they return the list as it now is) and of the admins' support read.
     */
    public Uni<WatchlistResponse> get(Long viewerId, long id, String timeframeCode) {
        return build(viewerId, id, timeframe(timeframeCode))
                .call(response -> viewerId == null && response.type() == WatchlistType.PERSONAL
                        ? auditAdminRead(id)
                        : Uni.createFrom().voidItem());
    }

    private Uni<WatchlistResponse> build(Long viewerId, long id, Timeframe timeframe) {
        return listWithEntries(viewerId, id).chain(found -> enrich(found, timeframe));
    }

    /** The list with its entries as {@code viewerId} may see it (null: any list), read fresh; else a 404. */
    private Uni<ListWithEntries> listWithEntries(Long viewerId, long id) {
        return tx.statement(client -> reads.listWithEntries(client, id, viewerId))
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id));
    }

    /**
     * A change of list {@code id} in one transaction; once it has ended (committed or not), the list's kept answers
     * are dropped, so this replica's next read of it shows the change.
     */
    private <T> Uni<T> change(long id, Supplier<Uni<T>> work) {
        return tx.write(work).eventually(() -> answers.invalidate(id));
    }

    private Uni<Void> auditAdminRead(long id) {
        return tx.write(
                () -> audit.record("watchlist_read_by_admin", "watchlist", id, "read", Map.of("watchlistId", id)));
    }

    private byte[] encode(WatchlistResponse response) {
        try {
            return json.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("watchlist " + response.id() + " could not be written as JSON", e);
        }
    }

    /** Creates a list in the scope: a personal list of the user, or a system default list (admins). */
    public Uni<WatchlistSummary> create(Scope scope, CreateWatchlistRequest request) {
        int maxAssets = request.maxAssets() == null ? Math.min(50, config.maxAssetsLimit()) : request.maxAssets();
        checkMaxAssets(maxAssets);
        Long ownerId = scope.personal() ? scope.actorId() : null;
        String name = request.name().strip();
        return tx.write(() -> (scope.personal()
                        ? lists.countByOwner(scope.actorId())
                        : Uni.createFrom().item(0L))
                .invoke(count -> {
                    if (count >= config.maxPersonalLists()) {
                        throw new BusinessRuleViolationException(
                                "WATCHLIST_LIMIT_REACHED",
                                "You have " + count + " watchlists, the most allowed is " + config.maxPersonalLists()
                                        + "; delete one first.");
                    }
                })
                .call(() -> uniqueName(ownerId, name, null))
                .chain(count -> {
                    Watchlist list = new Watchlist();
                    list.name = name;
                    list.description = blankToNull(request.description());
                    list.userId = ownerId;
                    list.watchlistType = scope.type();
                    list.isActive = request.active() == null || request.active();
                    list.maxAssets = maxAssets;
                    list.sortOrder = request.sortOrder() == null ? count.intValue() : request.sortOrder();
                    return lists.persist(list).call(lists::flush).map(saved -> summary(saved, 0));
                }));
    }

    /** Changes a list of the scope; {@code maxAssets} may not go below the number of entries it holds. */
    public Uni<WatchlistSummary> patch(Scope scope, long id, PatchWatchlistRequest patch) {
        if (patch.maxAssets() != null) {
            checkMaxAssets(patch.maxAssets());
        }
        return change(
                id,
                () -> editable(scope, id).chain(list -> {
                    if (patch.version() != null && patch.version() != list.version) {
                        throw new ConflictException(
                                "STALE_VERSION",
                                "The watchlist is at version " + list.version + ", not " + patch.version()
                                        + "; reload it.");
                    }
                    Uni<Void> checks = Uni.createFrom().voidItem();
                    if (patch.name() != null) {
                        checks = checks.call(
                                () -> uniqueName(list.userId, patch.name().strip(), list.id));
                    }
                    return checks.chain(() -> entries.countByWatchlist(list.id)).chain(count -> {
                        if (patch.maxAssets() != null && patch.maxAssets() < count) {
                            throw new BusinessRuleViolationException(
                                    "WATCHLIST_MAX_BELOW_COUNT",
                                    "The list holds " + count + " assets; remove some before lowering maxAssets to "
                                            + patch.maxAssets() + ".",
                                    List.of(new Problem.Violation("maxAssets", "body", "must be at least " + count)));
                        }
                        if (patch.name() != null) {
                            list.name = patch.name().strip();
                        }
                        if (patch.description() != null) {
                            list.description = blankToNull(patch.description());
                        }
                        if (patch.maxAssets() != null) {
                            list.maxAssets = patch.maxAssets();
                        }
                        if (patch.sortOrder() != null) {
                            list.sortOrder = patch.sortOrder();
                        }
                        if (patch.active() != null) {
                            list.isActive = patch.active();
                        }
                        return lists.flush().map(ignored -> summary(list, count));
                    });
                }));
    }

    /** Deletes a list of the scope with its entries. */
    public Uni<Void> delete(Scope scope, long id) {
        return change(id, () -> editable(scope, id).call(lists::delete).replaceWithVoid());
    }

    /**
     * Adds an asset at {@code position} (default: last; later entries move down one). A full list is a 422
     * {@code WATCHLIST_FULL}; an asset already on it a 409 {@code WATCHLIST_ASSET_EXISTS}.
     */
    public Uni<WatchlistResponse> addAsset(Scope scope, long id, AddWatchlistAssetRequest request) {
        return change(
                        id,
                        () -> editable(scope, id)
                                .chain(list -> assetId(request.symbol(), "symbol", "body")
                                        .chain(cryptoId -> entries.listByWatchlist(list.id)
                                                .chain(current -> {
                                                    if (current.stream().anyMatch(e -> e.cryptoId.equals(cryptoId))) {
                                                        throw new ConflictException(
                                                                "WATCHLIST_ASSET_EXISTS",
                                                                request.symbol() + " is already on the watchlist "
                                                                        + list.id + ".");
                                                    }
                                                    if (current.size() >= list.maxAssets) {
                                                        throw new BusinessRuleViolationException(
                                                                "WATCHLIST_FULL",
                                                                "The watchlist holds its maximum of " + list.maxAssets
                                                                        + " assets.");
                                                    }
                                                    int at = request.position() == null
                                                            ? current.size()
                                                            : Math.min(request.position(), current.size());
                                                    for (WatchlistAsset e : current) {
                                                        if (e.position >= at) {
                                                            e.position++;
                                                        }
                                                    }
                                                    WatchlistAsset entry = new WatchlistAsset();
                                                    entry.watchlistId = list.id;
                                                    entry.cryptoId = cryptoId;
                                                    entry.positionType = request.positionType();
                                                    entry.position = at;
                                                    entry.notes = blankToNull(request.notes());
                                                    entry.isActive = request.active() == null || request.active();
                                                    entry.addedBy = scope.actorId();
                                                    entry.lastModifiedBy = scope.actorId();
                                                    touch(list, scope);
                                                    return entries.persist(entry);
                                                }))))
                .chain(() -> get(scope.personal() ? scope.actorId() : null, id, null));
    }

    /** Changes an entry's side, notes or active flag. */
    public Uni<WatchlistResponse> patchAsset(Scope scope, long id, String symbol, PatchWatchlistAssetRequest patch) {
        return change(
                        id,
                        () -> editable(scope, id)
                                .invoke(list -> touch(list, scope))
                                .chain(list -> entry(list, symbol))
                                .invoke(entry -> {
                                    if (patch.positionType() != null) {
                                        entry.positionType = patch.positionType();
                                    }
                                    if (patch.notes() != null) {
                                        entry.notes = blankToNull(patch.notes());
                                    }
                                    if (patch.active() != null) {
                                        entry.isActive = patch.active();
                                    }
                                    entry.lastModifiedBy = scope.actorId();
                                }))
                .chain(() -> get(scope.personal() ? scope.actorId() : null, id, null));
    }

    /** Removes an asset; later entries move up one, so positions stay 0..n-1. */
    public Uni<Void> removeAsset(Scope scope, long id, String symbol) {
        return change(
                id,
                () -> editable(scope, id)
                        .invoke(list -> touch(list, scope))
                        .chain(list -> entry(list, symbol)
                                .chain(removed -> entries.delete(removed)
                                        .call(entries::flush)
                                        .chain(() -> entries.listByWatchlist(list.id))
                                        .invoke(rest -> {
                                            for (int i = 0; i < rest.size(); i++) {
                                                if (rest.get(i).position != i) {
                                                    rest.get(i).position = i;
                                                    rest.get(i).lastModifiedBy = scope.actorId();
                                                }
                                            }
                                        })))
                        .replaceWithVoid());
    }

    /** Puts the entries in the given order: every symbol of the list exactly once (else a 400 naming symbols). */
    public Uni<WatchlistResponse> reorder(Scope scope, long id, ReorderWatchlistRequest request) {
        return change(
                        id,
                        () -> editable(scope, id)
                                .invoke(list -> touch(list, scope))
                                .chain(list -> entries.listByWatchlist(list.id)
                                        .chain(current -> market.assets(current.stream()
                                                        .map(e -> e.cryptoId)
                                                        .toList())
                                                .invoke(refs -> {
                                                    Map<String, WatchlistAsset> bySymbol = new HashMap<>();
                                                    for (WatchlistAsset e : current) {
                                                        AssetRef ref = refs.get(e.cryptoId);
                                                        bySymbol.put(ref == null ? "#" + e.cryptoId : ref.symbol(), e);
                                                    }
                                                    Set<String> seen = new HashSet<>();
                                                    for (String s : request.symbols()) {
                                                        if (!bySymbol.containsKey(s) || !seen.add(s)) {
                                                            throw new BadRequestProblemException(
                                                                    "symbols",
                                                                    "body",
                                                                    "must list each symbol of the watchlist exactly once ('"
                                                                            + s
                                                                            + "' is "
                                                                            + (seen.contains(s)
                                                                                            && bySymbol.containsKey(s)
                                                                                    ? "repeated"
                                                                                    : "not on it")
                                                                            + ")");
                                                        }
                                                    }
                                                    if (seen.size() != current.size()) {
                                                        throw new BadRequestProblemException(
                                                                "symbols",
                                                                "body",
                                                                "must list each symbol of the watchlist exactly once ("
                                                                        + (current.size() - seen.size()) + " missing)");
                                                    }
                                                    for (int i = 0;
                                                            i
                                                                    < request.symbols()
                                                                            .size();
                                                            i++) {
                                                        WatchlistAsset e = bySymbol.get(request.symbols()
                                                                .get(i));
                                                        if (e.position != i) {
                                                            e.position = i;
                                                            e.lastModifiedBy = scope.actorId();
                                                        }
                                                    }
                                                }))))
                .chain(() -> get(scope.personal() ? scope.actorId() : null, id, null));
    }

    /**
     * How an asset stands on watchlists (layer 3 as other features read it; predictions snapshot it): the number of
     * active system (default) lists and of active personal lists holding it, the distinct users watching it, and
     * the entries marked long / short. Only active entries of active lists added at or before {@code at} count
     * (removed entries are deleted, so the count is today's lists as they were filled up to {@code at}).
     */
    public record AssetHolding(
            long cryptoId, int systemLists, int personalLists, int watchingUsers, int longEntries, int shortEntries) {

        /** As stored in a context column. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("systemLists", systemLists);
            map.put("personalLists", personalLists);
            map.put("watchingUsers", watchingUsers);
            map.put("longEntries", longEntries);
            map.put("shortEntries", shortEntries);
            return map;
        }
    }

    /** {@link AssetHolding} of each of these assets at {@code at}, in one query (an asset on no list has zeros). */
    public Uni<Map<Long, AssetHolding>> holdings(List<Long> cryptoIds, Instant at) {
        if (cryptoIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.read(() -> entries.holdings(cryptoIds, at)).map(rows -> {
            Map<Long, AssetHolding> result = new java.util.LinkedHashMap<>();
            for (Long id : cryptoIds) {
                int system = 0;
                int personal = 0;
                int longs = 0;
                int shorts = 0;
                Set<Long> users = new HashSet<>();
                for (Object[] row : rows) {
                    if (!id.equals(row[0])) {
                        continue;
                    }
                    if (row[1] == WatchlistType.DEFAULT) {
                        system++;
                    } else {
                        personal++;
                        users.add((Long) row[2]);
                    }
                    if (row[3] == PositionType.LONG) {
                        longs++;
                    } else if (row[3] == PositionType.SHORT) {
                        shorts++;
                    }
                }
                result.put(id, new AssetHolding(id, system, personal, users.size(), longs, shorts));
            }
            return result;
        });
    }

    /**
     * Marks the list changed, so that a change to its entries is a change of the list: {@code updated_at} moves
     * forward (by 1 µs past the stored value when the clock has not moved, e.g. two changes in one microsecond or a
     * pinned clock), so the list is dirty and Hibernate increments its {@code version}, which clients' optimistic
     * locking and {@link #read}'s kept answers rely on.
     */
    private void touch(Watchlist list, Scope scope) {
        Instant now = Times.now(clock);
        list.updatedAt =
                list.updatedAt == null || now.isAfter(list.updatedAt) ? now : list.updatedAt.plus(1, ChronoUnit.MICROS);
    }

    private Uni<WatchlistResponse> enrich(ListWithEntries found, Timeframe timeframe) {
        List<Long> ids = found.entries().stream().map(EntryRow::cryptoId).toList();
        return market.snapshots(ids, timeframe, Duration.ofDays(config.highWindowDays()))
                .map(snapshots -> response(found, timeframe, snapshots));
    }

    private static WatchlistResponse response(
            ListWithEntries found, Timeframe timeframe, Map<Long, AssetSnapshot> snapshots) {
        List<WatchlistAssetResponse> items = new ArrayList<>();
        for (EntryRow e : found.entries()) {
            AssetSnapshot snapshot = snapshots.get(e.cryptoId());
            AssetRef ref = snapshot == null ? null : snapshot.asset();
            items.add(WatchlistAssetResponse.of(
                    ref == null ? null : ref.symbol(),
                    ref == null ? null : ref.name(),
                    e.positionType() == null
                            ? null
                            : PositionType.valueOf(e.positionType().toUpperCase(Locale.ROOT)),
                    e.position(),
                    e.notes(),
                    e.active(),
                    e.addedBy(),
                    e.lastModifiedBy(),
                    e.createdAt(),
                    e.updatedAt(),
                    snapshot == null
                            ? MarketView.of(null, null, null)
                            : MarketView.of(snapshot.quote(), snapshot.indicators(), snapshot.high())));
        }
        WatchlistReadRepository.ListRow l = found.list();
        return new WatchlistResponse(
                l.id(),
                l.name(),
                l.description(),
                WatchlistType.valueOf(l.type().toUpperCase(Locale.ROOT)),
                l.active(),
                l.maxAssets(),
                l.sortOrder(),
                l.version(),
                l.createdAt(),
                l.updatedAt(),
                timeframe,
                items);
    }

    /**
     * The list the scope may change, locked: a user's own personal list, or (admins) a system default list. A user
     * naming a default list gets a 403 {@code WATCHLIST_READ_ONLY} (they can read it), any other id a 404.
     */
    private Uni<Watchlist> editable(Scope scope, long id) {
        return lists.findForUpdate(id, scope.type(), scope.actorId()).chain(list -> {
            if (list != null) {
                return Uni.createFrom().item(list);
            }
            if (!scope.personal()) {
                return Uni.createFrom().failure(notFound(id));
            }
            return lists.isActiveDefault(id).map(isDefault -> {
                if (isDefault) {
                    throw new ForbiddenOperationException(
                            "WATCHLIST_READ_ONLY", "Watchlist " + id + " is a system list; only admins change it.");
                }
                throw notFound(id);
            });
        });
    }

    private Uni<WatchlistAsset> entry(Watchlist list, String symbol) {
        return assets.assetId(symbol)
                .onFailure(ResourceNotFoundException.class)
                .recoverWithItem(-1L)
                .chain(cryptoId -> entries.findByWatchlistAndCrypto(list.id, cryptoId))
                .onItem()
                .ifNull()
                .failWith(() -> new ResourceNotFoundException(
                        "WATCHLIST_ASSET_NOT_FOUND", "Watchlist " + list.id + " does not hold " + symbol + "."));
    }

    private Uni<Long> assetId(String symbol, String field, String in) {
        return assets.assetId(symbol)
                .onFailure(ResourceNotFoundException.class)
                .transform(e -> new BusinessRuleViolationException(
                        "UNKNOWN_ASSET",
                        "No asset of the catalogue has the symbol '" + symbol + "'.",
                        List.of(new Problem.Violation(field, in, "no asset has the symbol '" + symbol + "'"))));
    }

    private Uni<Void> uniqueName(Long ownerId, String name, Long exceptId) {
        return lists.nameTaken(ownerId, name, exceptId)
                .invoke(taken -> {
                    if (taken) {
                        throw new ConflictException(
                                "WATCHLIST_NAME_TAKEN",
                                "A watchlist named '" + name + "' already exists"
                                        + (ownerId == null ? " among the system lists." : "."));
                    }
                })
                .replaceWithVoid();
    }

    private void checkMaxAssets(int maxAssets) {
        if (maxAssets > config.maxAssetsLimit()) {
            throw new BadRequestProblemException("maxAssets", "body", "must be at most " + config.maxAssetsLimit());
        }
    }

    static Timeframe timeframe(String code) {
        if (code == null || code.isEmpty()) {
            return Timeframe.H1;
        }
        try {
            return Timeframe.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new BadRequestProblemException("timeframe", "query", "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w");
        }
    }

    private static WatchlistSummary summary(Watchlist w, long assetCount) {
        return new WatchlistSummary(
                w.id,
                w.name,
                w.description,
                w.watchlistType,
                w.isActive,
                w.maxAssets,
                w.sortOrder,
                assetCount,
                w.version,
                w.createdAt,
                w.updatedAt);
    }

    private static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("WATCHLIST_NOT_FOUND", "You have no watchlist with id " + id + ".");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
