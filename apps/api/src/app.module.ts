import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type CoreDependencies } from './core/core.module';
import { HealthModule } from './health/health.module';

/** Feature modules are listed here; each owns its folder under apps/api/src. */
@Module({})
export class AppModule {
  static forRoot(dependencies: CoreDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(dependencies), HealthModule],
    };
  }
}
