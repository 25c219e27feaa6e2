package io.mtlsoperator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.processing.Controller;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Reads the resources that JOSDK already caches for a controller, so that metrics need no informer of their own. */
public final class PrimaryCache {

  private PrimaryCache() {
  }

  /**
   * Returns the cached resources of {@code registered} while {@code started} is true, and none
   * before, when JOSDK has not created the cache yet.
   */
  public static <P extends HasMetadata> Supplier<List<P>> of(RegisteredController<P> registered,
      BooleanSupplier started) {
    // NOTE: RegisteredController has no cache accessor in JOSDK 5.2.3, but Operator.register
    // returns a Controller, which has one. A JOSDK upgrade that changes this fails here at once.
    if (!(registered instanceof Controller<P> controller)) {
      throw new IllegalStateException("JOSDK returned a " + registered.getClass().getName()
          + " from Operator.register; expected a Controller with a primary cache");
    }
    var cache = controller.eventSourceContext().getPrimaryCache();
    return () -> started.getAsBoolean() ? cache.list().toList() : List.of();
  }
}
