package org.coinpilot.prediction.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.prediction.service.ModelTrainingService;

/**
 * {@code prediction.models.train}: trains the baseline models on stored candles and activates a new version only when
 * it beats the active one on held-out data (schedule: {@code coinpilot.jobs."prediction.models.train".every}).
 */
@ApplicationScoped
public class ModelTrainingJob implements Job {

    public static final String NAME = "prediction.models.train";

    private final ModelTrainingService training;

    public ModelTrainingJob(ModelTrainingService training) {
        this.training = training;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Trains the baseline forecasters (drift, ridge) per supported asset, timeframe and horizon; promotes a"
                + " version only when it beats the active one on held-out data";
    }

    @Override
    public String taskType() {
        return "model_training";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return training.trainAll().map(report -> JobResult.of(report.toMap()));
    }
}
