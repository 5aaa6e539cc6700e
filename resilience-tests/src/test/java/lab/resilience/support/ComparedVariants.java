package lab.resilience.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import lab.variants.Variant;
import org.junit.jupiter.params.provider.EnumSource;

/** A parameterized test's source: the three variants a comparison runs ({@link Variant#COMPARED}). */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@EnumSource(
        value = Variant.class,
        names = {"MVC", "MVC_VT", "WEBFLUX"})
public @interface ComparedVariants {}
