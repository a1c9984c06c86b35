// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;
import org.labelprop.UserInputException;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.Weights;
import org.labelprop.server.json.JobRequestBinding;
import org.labelprop.server.store.CheckpointNames;

/**
 * What a client asked a job to do: a {@link SegmentationRequest} and what to do with a trained network. Job types say
 * what they do: {@value #PROPAGATE} fills the slices with the request's method and never trains; {@value #TRAIN} trains
 * the network on the session's scan, stores it as checkpoint {@code saveAs}, then propagates (as the original's
 * {@code /training} does).
 *
 * @param type         {@value #TRAIN} or {@value #PROPAGATE} (the server refuses types it has no runner for)
 * @param segmentation the segmentation (its training part is set exactly for train jobs)
 * @param saveAs       train: the checkpoint name to store (null = {@code session-<session id>})
 * @param overwrite    train: replace an existing checkpoint of that name
 */
public record JobRequest(String type, @JsonUnwrapped SegmentationRequest segmentation,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String saveAs, boolean overwrite) {
    public static final String TRAIN = "train";
    public static final String PROPAGATE = "propagate";
    public static final Set<String> TYPES = Set.of(TRAIN, PROPAGATE);

    public JobRequest {
        Objects.requireNonNull(segmentation, "segmentation");
        UserInputException.check(type != null && !type.isBlank(), "type", "a job needs a \"type\": \"train\" or \"propagate\"");
        UserInputException.check(!type.equals(TRAIN) || segmentation.trains(), "training", "a train job needs training options");
        UserInputException.check(!type.equals(PROPAGATE) || !segmentation.trains(), "training", "\"training\" applies to train "
            + "jobs only; a propagate job uses the network named by \"weights\" as it is");
        UserInputException.check(saveAs == null || segmentation.trains(), "saveAs", "\"saveAs\" applies to train jobs only");
        UserInputException.check(saveAs == null || CheckpointNames.isValid(saveAs), "saveAs",
            "\"saveAs\" must be " + CheckpointNames.rule() + ", got \"" + saveAs + "\"");
        Weights w = segmentation.startWeights();
        UserInputException.check(w.kind() != Weights.Kind.CHECKPOINT || CheckpointNames.isValid(w.name()), "weights",
            "\"weights\" must be \"shipped\", \"none\" or the name of a stored checkpoint (" + CheckpointNames.rule() + "), got \""
                + w.name() + "\"");
    }

    /**
     * The job a JSON body describes (a client's, or a stored job record's): see {@link JobRequestBinding}.
     *
     * @throws UserInputException for unknown fields or unusable values, naming the field
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static JobRequest fromJson(ObjectNode body) {
        JobRequestBinding.Parts p = JobRequestBinding.bind(body, TRAIN);
        return new JobRequest(p.type(), p.segmentation(), p.saveAs(), p.overwrite());
    }

    /** A job of {@code type} with the default segmentation request (with default training for train jobs). */
    public static JobRequest of(String type) {
        SegmentationRequest d = SegmentationRequest.defaults();
        return new JobRequest(type, TRAIN.equals(type) ? d.withTraining(org.labelprop.request.TrainingRequest.defaults()) : d, null, false);
    }
}
