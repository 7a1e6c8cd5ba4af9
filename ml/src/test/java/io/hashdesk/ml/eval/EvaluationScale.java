package io.hashdesk.ml.eval;

/**
 * How big a scenario an evaluation runs. Tests assert the targets at {@link #TEST} scale (seconds); the evaluation
 * runner writes docs/ML-EVALUATION.md at {@link #FULL} scale (minutes).
 */
public enum EvaluationScale {
    TEST,
    FULL
}
