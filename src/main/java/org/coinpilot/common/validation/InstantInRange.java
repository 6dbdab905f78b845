package org.coinpilot.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * An {@link Instant} parameter lies in {@link InstantBounds} (null is valid). JSON bodies need no annotation:
 * {@link InstantBounds} checks every instant they carry.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = InstantInRange.Validator.class)
public @interface InstantInRange {

    String message() default InstantBounds.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the range. */
    class Validator implements ConstraintValidator<InstantInRange, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return InstantBounds.contains(value);
        }
    }
}
