import { adminApi } from '../shared/admin-api';
import type { Classifier } from '../shared/admin-types';
import { FormError } from '../shared/fields';
import { useWrite } from '../shared/use-write';

const percent = (value: unknown) => (typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : null);

/** The topic classifier's figures (GET /topics/classifier) and a retrain button (POST /topics/classifier/train). */
export function ClassifierPanel({ classifier, onChanged }: { classifier: Classifier; onChanged(): void }) {
  const retrain = useWrite();
  const metrics = classifier.metrics ?? {};
  const accuracy = percent(metrics.trainingAccuracy);
  const trainMs = typeof metrics.trainMs === 'number' ? `${Math.round(metrics.trainMs)} ms` : null;
  return (
    <div className="classifier">
      <dl className="figures">
        <div>
          <dt>Model version</dt>
          <dd>{classifier.version ?? 'not trained yet'}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{classifier.training === 'scheduled' ? 'Retrain due: examples changed' : 'Up to date'}</dd>
        </div>
        {classifier.examples !== undefined && (
          <div>
            <dt>Examples learned</dt>
            <dd>{classifier.examples}</dd>
          </div>
        )}
        {accuracy && (
          <div>
            <dt>Training accuracy</dt>
            <dd>{accuracy}</dd>
          </div>
        )}
        {trainMs && (
          <div>
            <dt>Training time</dt>
            <dd>{trainMs}</dd>
          </div>
        )}
        {classifier.trainedAt && (
          <div>
            <dt>Trained</dt>
            <dd>{new Date(classifier.trainedAt).toLocaleString()}</dd>
          </div>
        )}
        {classifier.labels && (
          <div className="wide">
            <dt>Categories it knows</dt>
            <dd>{classifier.labels.join(', ') || 'none'}</dd>
          </div>
        )}
      </dl>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={retrain.busy}
          onClick={() =>
            void retrain.run(() => adminApi('POST', '/topics/classifier/train')).then((ok) => ok && onChanged())
          }
        >
          Retrain now
        </button>
        <button type="button" onClick={onChanged}>
          Refresh figures
        </button>
        <span className="muted">Training runs in the background; an unchanged example set keeps its model.</span>
      </div>
      <FormError error={retrain.error} />
    </div>
  );
}
