import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A trained topic classifier; the highest version is the tenant's current model. */
@Entity('classifier_models')
export class ClassifierModelEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('integer') version!: number;
  /** Hash of the training set, so an unchanged set is not retrained. */
  @Column('text') fingerprint!: string;
  @Column('text', { array: true }) labels!: string[];
  @Column('integer') examples!: number;
  @Column('bytea') params!: Buffer;
  @Column('jsonb') metrics!: Record<string, unknown>;
  @Column('timestamptz', { name: 'trained_at' }) trainedAt!: Date;
}
